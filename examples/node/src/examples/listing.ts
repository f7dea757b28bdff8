/**
 * Listing: projects, the tasks of each project, and whether we may see private names.
 * Python: `client.project_listing()`, `client.task_listing(p)`,
 * `client.get_project_private_access(p)`.
 */
import { parseExampleArgs } from '../args.js';
import { connectForExample } from '../connect.js';
import { formatTable } from '../table.js';

const { client, close } = await connectForExample(parseExampleArgs());
try {
  const projects = await client.projectListing();
  console.log(formatTable(projects, ['id', 'disp_name', 'nslides']));
  for (const p of projects) {
    // Private access decides whether slide names and private specimen names are visible.
    const privateAccess = await client.getProjectPrivateAccess(p.id);
    const tasks = await client.taskListing(p.id);
    console.log(`\n${p.id}: ${tasks.length} tasks, private access: ${privateAccess}`);
    console.log(formatTable(tasks, ['id', 'name', 'mode', 'nslides']));
  }
} finally {
  await close();
}
