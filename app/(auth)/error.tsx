"use client";
import { ErrorView } from "@/components/states/error-view";

export default ErrorView;
