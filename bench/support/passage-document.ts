// The document of the document-open scenario and its passage notes: the re-anchoring scenario's seeded
// report (cut to size at a paragraph), word-aligned passages of 20–200 code units at random places, and
// writing them to a board the way analysts do — source:create, source:revise with the text, then
// annotation:create for every passage over an editor's socket, a batch at a time.
import { randomUUID } from "node:crypto";
import { documentOf, type Random, randomFrom } from "../scenarios/reanchor";
import { openSocket } from "./open-socket";

const SEED = 20220124;
const KINDS = ["note", "question", "warning"] as const;
const IN_FLIGHT = 50;

export type Passage = { start: number; end: number };

export function passageDocument(bytes: number, passages: number): { text: string; spans: Passage[] } {
  const random = randomFrom(SEED);
  const whole = documentOf(random);
  const cut = whole.lastIndexOf("\n\n", bytes);
  const text = bytes < whole.length && cut > 0 ? whole.slice(0, cut) : whole;
  return { text, spans: Array.from({ length: passages }, () => passageIn(text, random)) };
}

const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

function passageIn(text: string, random: Random): Passage {
  const start = text.indexOf(" ", between(random, 0, text.length - 400)) + 1;
  const end = text.indexOf(" ", start + between(random, 20, 200));
  return { start, end };
}

type Ack = { ok: true; source?: { currentVersion: number } } | { ok: false; error: { message: string } };

/** Writes the document and its passage notes through the server at `url`; answers the source's id. */
export async function writePassageDocument(options: {
  url: string;
  editorCookie: string;
  boardId: string;
  title: string;
  text: string;
  spans: Passage[];
}): Promise<string> {
  const { boardId, text } = options;
  const socket = await openSocket(options.url, options.editorCookie);
  const ask = async (event: string, payload: object) => {
    const answer = (await socket.timeout(60_000).emitWithAck(event, payload)) as Ack;
    if (!answer.ok) throw new Error(`${event} refused: ${answer.error.message}`);
    return answer;
  };
  try {
    const id = randomUUID();
    await ask("source:create", { id, boardId, title: options.title });
    await ask("source:revise", { boardId, id, text, basedOnVersion: 0 });
    for (let from = 0; from < options.spans.length; from += IN_FLIGHT) {
      const batch = options.spans.slice(from, from + IN_FLIGHT);
      await Promise.all(
        batch.map(({ start, end }, index) =>
          ask("annotation:create", {
            id: randomUUID(),
            boardId,
            target: { type: "source-span", sourceId: id, version: 1, start, end, exact: text.slice(start, end) },
            body: `Passage ${from + index + 1}: check this against the other reports.`,
            kind: KINDS[(from + index) % KINDS.length],
          }),
        ),
      );
    }
    return id;
  } finally {
    socket.close();
  }
}
