import type { ConnectionView } from '@/lib/sync/contract';

function Items({ title, items }: { title: string; items: string[] }) {
  if (!items.length) return null;
  return (
    <div>
      <p className="font-medium">{title}</p>
      <ul className="list-disc pl-5">
        {items.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </div>
  );
}

/** What the setup step on connect made or found in the CRM account, and what the user must do there. */
export function CrmSetupReport({ setup }: { setup: NonNullable<ConnectionView['setup']> }) {
  return (
    <div aria-label="CRM setup" className="flex flex-col gap-1 text-sm">
      <Items title="Touchline created in your CRM:" items={setup.created} />
      <Items title="Touchline found and uses:" items={setup.found} />
      {setup.todo.length > 0 && (
        <div role="alert" className="text-amber-800 dark:text-amber-300">
          <Items title="To do in your CRM:" items={setup.todo} />
        </div>
      )}
    </div>
  );
}
