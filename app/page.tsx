// Home: the boards this analyst belongs to.
import { BoardList } from "@/components/home/BoardList";
import { AppHeader } from "@/components/ui/AppHeader";

export default function HomePage() {
  return (
    <div className="home-page">
      <AppHeader />
      <main className="home">
        <h1>Your boards</h1>
        <BoardList />
      </main>
    </div>
  );
}
