/**
 * `npm run demo`: starts a dev server (unless `--url` points at a real PHAS server), connects,
 * and prints the projects and the tasks of each project as tables.
 */
import { parseExampleArgs } from './args.js';
import { connectForExample } from './connect.js';
import { formatTable } from './table.js';

const args = parseExampleArgs();
const { client, url, close } = await connectForExample(args);
try {
  console.log(`Connected to ${url}\n`);
  const projects = await client.projectListing();
  console.log('Projects');
  console.log(formatTable(projects, ['id', 'disp_name', 'nspecimens', 'nblocks', 'nslides', 'admin']));
  for (const project of projects) {
    const tasks = await client.taskListing(project.id);
    console.log(`\nTasks of ${project.id}`);
    console.log(formatTable(tasks, ['id', 'name', 'mode', 'nspecimens', 'nblocks', 'nslides', 'admin']));
  }
} finally {
  await close();
}
