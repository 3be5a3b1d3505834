import Link from "next/link";

export default function HelpNotFound() {
  return (
    <main className="mx-auto max-w-xl space-y-3 px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-slate-600">This help center or article does not exist, or is not published.</p>
      <Link href="/" className="text-indigo-700 hover:underline">
        Go to the home page
      </Link>
    </main>
  );
}
