// Socket.IO room names. One room per board; every op of the board is emitted to it after commit. One room
// per analyst, joined at connection, so what concerns only them (their last seen) reaches all their devices
// on every node through the adapter.
export function boardRoom(boardId: string): string {
  return `board:${boardId}`;
}

export function boardIdOfRoom(room: string): string | null {
  return room.startsWith("board:") ? room.slice("board:".length) : null;
}

export function userRoom(userId: string): string {
  return `user:${userId}`;
}
