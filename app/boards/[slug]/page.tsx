// /boards/:slug — the live board. The server has already checked the session before rendering.
import { BoardLoader } from "@/components/board/BoardLoader";

export default async function BoardPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <BoardLoader slug={slug} />;
}
