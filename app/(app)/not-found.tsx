import { ProblemPage } from "@/components/states/problem-page";

// A record that does not exist, or is at a site the user does not work at (notFound() from a page): shown in the
// app's frame, with its menu.
export default function NotFound() {
  return <ProblemPage title="Not found">There is no such record, or it belongs to a site you do not work at.</ProblemPage>;
}
