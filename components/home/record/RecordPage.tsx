import { useEffect, useLayoutEffect } from 'react';
import { send } from '@/lib/messaging/client';
import { NextStepForm } from '@/components/sidebar/NextStepForm';
import { hrefTo, DEFAULT_PATH } from '../router';
import type { RouteProps } from '../routes';
import { ContactForm } from './ContactForm';
import { DetailsForm } from './DetailsForm';
import { ErrorLine, Section } from './fields';
import { ProcessSection } from './ProcessSection';
import { StageSection } from './StageSection';
import { SyncSection } from './SyncSection';
import { Timeline } from './Timeline';
import { useProcessView, useRecord } from './use-record';
import { useSettingsLive } from './use-settings-live';
import { useAction } from '../../ui/use-action';
import { takeOver } from '../early/takeover';
import { rememberStages } from '../board/last-stages';

/** dashboard.html#/record/<id>: one prospect, every field editable, its whole history, live. */
export function RecordPage({ params }: RouteProps) {
  const id = params.id ?? '';
  const record = useRecord(id);
  const { settings, error: settingsError } = useSettingsLive();
  const prospect = record?.prospect;
  const view = useProcessView(prospect, settings);
  const nextStep = useAction();
  // Drawn as the early paint drew it (heading, stage, timeline) or with what it could not know: take over.
  const drawn = record !== undefined && (!prospect || settings !== undefined || settingsError !== undefined);
  useLayoutEffect(() => {
    if (drawn) takeOver();
  }, [drawn]);
  useEffect(() => {
    if (settings) rememberStages(settings.stages); // the next early paint names the stages at once
  }, [settings]);
  useEffect(() => {
    if (prospect) document.title = `${prospect.name} - Touchline`;
  }, [prospect?.name]);

  if (record === undefined) return <p role="status">Loading…</p>;
  if (!prospect) {
    return (
      <p>
        This prospect no longer exists (merged into another record or erased). <a href={hrefTo(DEFAULT_PATH)} className="underline">Open the board</a>.
      </p>
    );
  }
  const subtitle = [prospect.title, prospect.company].filter(Boolean).join(' · ');
  return (
    <article aria-label={`Prospect ${prospect.name}`} className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <h2 className="break-words text-2xl font-bold">{prospect.name}</h2>
        {subtitle && <p className="break-words text-slate-600 dark:text-slate-300">{subtitle}</p>}
        <p className="text-xs text-slate-500">
          {record.touchCount ?? `${record.timeline.filter((e) => e.kind === 'touch' || e.kind === 'note').length}+`} touches · score {view?.score.score ?? '…'}
        </p>
      </header>
      <ErrorLine error={settingsError} />
      {settings && <StageSection prospect={prospect} stages={settings.stages} lossReasons={settings.lossReasons} />}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div className="flex flex-col gap-4">
          <DetailsForm prospect={prospect} />
          <ContactForm prospect={prospect} />
          <Section title="Next step">
            <NextStepForm prospect={prospect} onSave={(patch) => nextStep.run(() => send('prospect.update', { id: prospect.id, patch })).then(() => undefined)} />
            <ErrorLine error={nextStep.error} />
          </Section>
          {view && settings && <ProcessSection prospect={prospect} view={view} settings={settings} />}
          <SyncSection prospectId={prospect.id} />
        </div>
        <Timeline prospectId={prospect.id} entries={record.timeline} />
      </div>
    </article>
  );
}
