// Sign-up page (public), for analysts a board owner has invited by email.
import Link from "next/link";
import { SignUpForm } from "@/components/auth/SignUpForm";

export default function SignUpPage() {
  return (
    <main className="sign-in">
      <h1>Watchfloor</h1>
      <p className="muted">Create your account. Sign-up is by invitation: use the address a board owner invited.</p>
      <SignUpForm />
      <p className="muted sign-up-switch">
        Already have an account? <Link href="/sign-in">Sign in</Link>
      </p>
    </main>
  );
}
