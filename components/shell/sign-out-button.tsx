"use client";
import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/sign-in" })}
      className="min-h-11 rounded-md border border-slate-300 px-3 font-medium hover:bg-slate-100"
    >
      Sign out
    </button>
  );
}
