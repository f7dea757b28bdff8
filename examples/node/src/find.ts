import type { Client, Slide, TaskSummary } from '@phas/sdk';

/**
 * The first task of the given mode across the projects the user can see, with its project.
 * Examples use it so that they run unchanged against the dev server and a real PHAS server.
 */
export async function findTask(client: Client, mode: string): Promise<TaskSummary & { project: string }> {
  for (const project of await client.projectListing()) {
    const task = (await client.taskListing(project.id)).find((t) => t.mode === mode);
    if (task) return { ...task, project: project.id };
  }
  throw new Error(`no task of mode "${mode}" is visible to this user`);
}

/** The first slide (in manifest order) of the first task of the given mode. */
export async function findFirstSlide(client: Client, mode: string): Promise<Slide> {
  const summary = await findTask(client, mode);
  const task = await client.task(summary.id);
  const [row] = await task.slideManifest();
  if (!row) throw new Error(`task ${summary.id} has no slides`);
  return task.slide(Number(row.id));
}
