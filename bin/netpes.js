#!/usr/bin/env node
// The `netpes` command: runs the TypeScript CLI through tsx's loader, so there is no
// compile step between editing the pipeline and running it.
import { register } from 'tsx/esm/api';

register();
await import('../scripts/cli/netpes.ts');
