import { createContext, useContext } from "react";

/** Messages by document path ("workflow.1.role"), from the server's 422 answer. */
export const IssueContext = createContext<(path: string) => string | undefined>(() => undefined);

export function useIssue(path: string): string | undefined {
  return useContext(IssueContext)(path);
}
