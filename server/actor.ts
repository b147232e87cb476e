// The signed-in analyst on whose behalf a service runs.
export type Actor = { id: string; name: string; email: string };
