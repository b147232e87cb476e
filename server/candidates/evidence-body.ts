// The text of the passage note a confirmed candidate leaves as evidence (issue 15): it names what the
// passage is evidence for, so the note reads on its own in the thread list, the CSV and the briefing.

const FIGURE = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 6 });

export function eventEvidenceBody(event: { title: string }): string {
  return `Evidence for the event “${event.title}”`;
}

export function observationEvidenceBody(
  observation: { value: number },
  indicator: { name: string; unit: string },
): string {
  const figure = [FIGURE.format(observation.value), indicator.unit].filter(Boolean).join(" ");
  return `Evidence for ${figure} on “${indicator.name}”`;
}
