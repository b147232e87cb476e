// Sign-in page (public). Email and password, checked by better-auth.
import { Suspense } from "react";
import { SignInForm } from "@/components/auth/SignInForm";

export default function SignInPage() {
  return (
    <main className="sign-in">
      <h1>Watchfloor</h1>
      <p className="muted">Sign in to your watch floor.</p>
      <Suspense>
        <SignInForm />
      </Suspense>
    </main>
  );
}
