// C-SSRS screener, "since last visit" (REMS.md §3.5). Answers are stored item by item; the clinic
// configures triage, so the software only says whether the screen is positive.
export const CSSRS_QUESTIONS = [
  "Wished you were dead or wished you could go to sleep and not wake up?",
  "Had any actual thoughts of killing yourself?",
  "Been thinking about how you might do this?",
  "Had these thoughts and had some intention of acting on them?",
  "Started to work out or worked out the details of how to kill yourself, and intend to carry out this plan?",
  "Done anything, started to do anything, or prepared to do anything to end your life?",
] as const;

/** 1 = yes, 0 = no, −1 = not asked (questions 3–5 are skipped when question 2 is "no"). */
export type CssrsAnswer = 1 | 0 | -1;

export function cssrsProblems(answers: number[]): string | null {
  if (answers.length !== 6) return "The C-SSRS screener has 6 questions.";
  if (answers.some((a) => ![1, 0, -1].includes(a))) return "Answer each question yes or no.";
  if (answers[0] === -1 || answers[1] === -1 || answers[5] === -1) return "Questions 1, 2 and 6 are always asked.";
  const followUps = answers.slice(2, 5);
  if (answers[1] === 1 && followUps.includes(-1)) return "Question 2 was answered yes: ask questions 3, 4 and 5.";
  if (answers[1] === 0 && followUps.some((a) => a !== -1)) return "Question 2 was answered no: questions 3, 4 and 5 are skipped.";
  return null;
}

/** Any "yes" needs the prescriber's attention; the clinic's own triage decides the level. */
export const cssrsPositive = (answers: number[]) => answers.some((a) => a === 1);
export const cssrsYesCount = (answers: number[]) => answers.filter((a) => a === 1).length;
