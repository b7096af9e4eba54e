import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// The first render of a route (lazy route module, MUI styles) can take over a second in jsdom.
configure({ asyncUtilTimeout: 5_000 });
