// Home: what waits on the analyst's boards, the boards they belong to, and a way to open a new one.
import { BoardList } from "@/components/home/BoardList";
import { Inbox } from "@/components/home/Inbox";
import { NewBoardForm } from "@/components/home/NewBoardForm";
import { AppHeader } from "@/components/ui/AppHeader";

export default function HomePage() {
  return (
    <div className="home-page">
      <AppHeader />
      <main className="home">
        <h1>Your boards</h1>
        <Inbox />
        <NewBoardForm />
        <BoardList />
      </main>
    </div>
  );
}
