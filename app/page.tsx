// Home: the boards this analyst belongs to, and a way to open a new one.
import { BoardList } from "@/components/home/BoardList";
import { NewBoardForm } from "@/components/home/NewBoardForm";
import { AppHeader } from "@/components/ui/AppHeader";

export default function HomePage() {
  return (
    <div className="home-page">
      <AppHeader />
      <main className="home">
        <h1>Your boards</h1>
        <NewBoardForm />
        <BoardList />
      </main>
    </div>
  );
}
