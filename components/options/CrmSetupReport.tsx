import type { ConnectionView } from '@/lib/sync/contract';

/** What the setup step on connect made or found in the CRM account, and what the user must do there. */
export function CrmSetupReport({ setup }: { setup: NonNullable<ConnectionView['setup']> }) {
  return (
    <div aria-label="CRM setup" className="flex flex-col gap-1 text-sm">
      {setup.created.length > 0 && (
        <div>
          <p className="font-medium">Touchline created in your CRM:</p>
          <ul className="list-disc pl-5">
            {setup.created.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      )}
      {setup.found.length > 0 && (
        <div>
          <p className="font-medium">Touchline found and uses:</p>
          <ul className="list-disc pl-5">
            {setup.found.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      )}
      {setup.todo.length > 0 && (
        <div role="alert" className="text-amber-800 dark:text-amber-300">
          <p className="font-medium">To do in your CRM:</p>
          <ul className="list-disc pl-5">
            {setup.todo.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
