// Socket.IO room names. One room per board; every op of the board is emitted to it after commit.
export function boardRoom(boardId: string): string {
  return `board:${boardId}`;
}

export function boardIdOfRoom(room: string): string | null {
  return room.startsWith("board:") ? room.slice("board:".length) : null;
}
