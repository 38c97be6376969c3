/** This page's form results as its components read them (timer and agenda actions combined). */
export type RunFormResult = { form?: string; message?: string; notice?: string } | null | undefined;
