import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-700">There is no such record, or it belongs to a site you do not work at.</p>
      <Link href="/" className="mt-4 inline-block text-brand-700 underline">Go to your home page</Link>
    </main>
  );
}
