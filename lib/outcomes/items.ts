// What each item of the scales asks, for entry item by item (REMS.md §3.4, §3.5).
import { CSSRS_QUESTIONS } from "./cssrs";

export const SCALES = {
  PHQ9: {
    name: "PHQ-9",
    max: 3,
    choices: ["Not at all", "Several days", "More than half the days", "Nearly every day"],
    items: [
      "Little interest or pleasure in doing things",
      "Feeling down, depressed, or hopeless",
      "Trouble falling or staying asleep, or sleeping too much",
      "Feeling tired or having little energy",
      "Poor appetite or overeating",
      "Feeling bad about yourself, or that you are a failure or have let yourself or your family down",
      "Trouble concentrating on things",
      "Moving or speaking so slowly that others could notice, or being so fidgety or restless that you move more than usual",
      "Thoughts that you would be better off dead, or of hurting yourself",
    ],
  },
  MADRS: {
    name: "MADRS",
    max: 6,
    choices: ["0", "1", "2", "3", "4", "5", "6"],
    items: [
      "Apparent sadness",
      "Reported sadness",
      "Inner tension",
      "Reduced sleep",
      "Reduced appetite",
      "Concentration difficulties",
      "Lassitude",
      "Inability to feel",
      "Pessimistic thoughts",
      "Suicidal thoughts",
    ],
  },
  CSSRS: { name: "C-SSRS screener (since last visit)", max: 1, choices: ["No", "Yes"], items: [...CSSRS_QUESTIONS] },
} as const;
export type Scale = keyof typeof SCALES;
