import '@/components/pages/page.css'; // in the page's <head>, so the early screen is styled as React's
import { paintEarly } from '@/components/home/early/early-paint';

// The page's first script is small: it draws the first screen from the database with plain DOM
// (components/home/early/) while the page's main code (React, zod, Dexie, the views: ~480 KB) loads;
// React then takes that screen over. The main code waits for the early screen's frame (early-paint.ts).
void paintEarly(location.hash).then(() => import('./app'));
