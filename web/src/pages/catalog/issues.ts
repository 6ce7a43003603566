import { type ChangeEvent, createContext, useContext } from "react";

/** Messages by document path ("workflow.1.role"), from the server's 422 answer. */
export const IssueContext = createContext<(path: string) => string | undefined>(() => undefined);

export function useIssue(path: string): string | undefined {
  return useContext(IssueContext)(path);
}

type TextKey<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;

/** Value, message and change handler of the text field for one string key of a document part at `path`. */
export function useTextBinding<T>(value: T, onChange: (v: T) => void, path: string) {
  const issue = useContext(IssueContext);
  return (key: TextKey<T>) => ({
    value: value[key] as string,
    error: issue(`${path}.${key}`),
    onChange: (e: ChangeEvent<HTMLInputElement>) => onChange({ ...value, [key]: e.target.value }),
  });
}
