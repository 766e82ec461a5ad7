import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-2xl font-semibold">Not allowed</h1>
      <p className="mt-2 text-slate-700">Your role does not give access to this page. The attempt has been recorded.</p>
      <Link href="/" className="mt-4 inline-block text-brand-700 underline">Go to your home page</Link>
    </main>
  );
}
