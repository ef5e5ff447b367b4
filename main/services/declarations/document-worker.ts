/** The document parse worker (see document-parse.ts): parses the one document it is given and posts the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { runDocumentJob, type DocumentJob } from './document-parse';

parentPort!.postMessage(runDocumentJob(workerData as DocumentJob));
