import { ProblemPage } from "@/components/states/problem-page";

// An address that matches no page (inside the app, app/(app)/not-found.tsx shows the same within the menu).
export default function NotFound() {
  return (
    <main id="main" className="px-4">
      <ProblemPage title="Not found">There is no such page or record, or it belongs to a site you do not work at.</ProblemPage>
    </main>
  );
}
