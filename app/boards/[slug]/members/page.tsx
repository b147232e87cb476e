// /boards/:slug/members — who is on a board and, for its owners, membership and board settings.
import { MembersPage } from "@/components/members/MembersPage";

export default async function BoardMembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <MembersPage slug={slug} />;
}
