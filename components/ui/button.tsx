import type { ButtonHTMLAttributes } from "react";

const variants = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 disabled:bg-slate-400",
  secondary: "bg-white text-slate-900 border border-slate-300 hover:bg-slate-100 disabled:text-slate-400",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-slate-400",
} as const;

export function Button({ variant = "primary", className = "", ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof variants }) {
  // 44 px minimum height: a comfortable touch target on a tablet.
  return (
    <button className={`inline-flex min-h-11 items-center justify-center rounded-md px-4 py-2 font-medium ${variants[variant]} ${className}`} {...props} />
  );
}
