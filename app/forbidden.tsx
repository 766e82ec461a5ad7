import { ProblemPage } from "@/components/states/problem-page";

export default function Forbidden() {
  return (
    <main id="main" className="px-4">
      <ProblemPage title="Not allowed">Your role does not give access to this page. The attempt has been recorded.</ProblemPage>
    </main>
  );
}
