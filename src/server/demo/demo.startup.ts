import type { StartupHook } from '../cli/serve.js';
import { demoAccountSpecs, demoPassword } from './demo.data.js';
import { seedDemoIfEmpty } from './demo.seed.js';

/** With `MINYI_DEMO=1`: seed the demo county into an empty database and list its accounts. */
export const demoStartupHook: StartupHook = async (runtime) => {
  const seeded = await seedDemoIfEmpty(runtime.services);
  if (seeded) {
    process.stdout.write(
      `已载入演示数据 (demo data loaded): 青禾县及 ${seeded.counts.bodies - 1} 个乡镇，县人大代表 ${seeded.counts.countyDeputies} 名，乡镇人大代表 ${seeded.counts.townshipDeputies} 名，承办单位 ${seeded.counts.units} 个\n`,
    );
    return seeded.accounts;
  }
  // Already seeded earlier: the demo accounts keep the demo password unless someone changed it.
  return [
    ...demoAccountSpecs.map((spec) => ({
      username: spec.username,
      password: demoPassword,
      description: spec.description,
    })),
    { username: 'deputy', password: demoPassword, description: '县人大代表（兼乡镇人大代表）' },
    { username: 'deputy2', password: demoPassword, description: '乡镇人大代表' },
  ];
};
