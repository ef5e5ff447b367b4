/** The names a scenario may use: lanes and cameras of its site, HS codes of the traffic generator's catalogue. */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { checkSite, type Site } from '../../../preload/contract/schemas/site';
import type { Scenario } from '../../../preload/contract/schemas/training';
import { COMMODITIES } from '../declarations/demo/catalog';
import { DEMO_SITE_FILE } from '../site/site-service';
import type { ReferencesOf, ScenarioReferences } from './scenario-file';

/** The site a scenario runs on: the shipped demo site, or a site file beside the scenario. */
export function scenarioSite(scenario: Scenario, scenarioPath: string, resourcesDir: string): Site {
  const path =
    scenario.site === 'demo'
      ? join(resourcesDir, DEMO_SITE_FILE)
      : isAbsolute(scenario.site)
        ? scenario.site
        : resolve(dirname(scenarioPath), scenario.site);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`site file ${path} cannot be read: ${(e as Error).message}`);
  }
  const checked = checkSite(json);
  if (!checked.ok)
    throw new Error(`site file ${path} is invalid: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return checked.site;
}

export function siteReferences(site: Site): ScenarioReferences {
  return {
    lanes: new Set(site.gates.flatMap((gate) => gate.lanes.map((lane) => lane.id))),
    cameras: new Set(site.cameras.map((camera) => camera.id)),
    hs: new Set(COMMODITIES.map((c) => c.hs)),
  };
}

export function referencesFor(scenarioPath: string, resourcesDir: string): ReferencesOf {
  return (scenario) => siteReferences(scenarioSite(scenario, scenarioPath, resourcesDir));
}
