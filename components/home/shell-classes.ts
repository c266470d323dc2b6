/** The shell's styles, plain strings: Shell.tsx and the early paint (early/early-shell.ts) draw the same frame. */
export const SHELL = {
  frame: 'min-h-screen bg-white font-sans text-slate-900 dark:bg-slate-900 dark:text-slate-100',
  header: 'flex flex-wrap items-center gap-4 border-b border-slate-200 px-6 py-3 dark:border-slate-700',
  brand: 'font-bold text-blue-700 dark:text-blue-400',
  nav: 'flex gap-4 text-sm',
  link: (current: boolean) => (current ? 'font-semibold underline' : 'hover:underline'),
  search: 'ml-auto',
  main: 'p-6',
  title: 'mb-4 text-xl font-bold',
} as const;
