/**
 * The complete route table.
 */
import type { Handler } from '../app/app.js';
import type { Router } from '../http/router.js';
import { registerAuthRoutes } from './auth.js';
import { registerProjectRoutes } from './projects.js';
import { registerSlideRoutes } from './slides.js';
import { registerAnnotationRoutes } from './annotations.js';
import { registerSamplingRoutes } from './sampling.js';
import { registerTrainingRoutes } from './training.js';
import { registerImageRoutes } from './images.js';
import { registerBrowseRoutes } from './browse.js';
import { registerMiscRoutes } from './misc.js';
import { registerListingRoutes } from './listings.js';
import { registerLabelRoutes } from './labels.js';

/** Registers every endpoint the dev server implements. */
export function registerRoutes(router: Router<Handler>): void {
  registerAuthRoutes(router);
  registerProjectRoutes(router);
  registerSlideRoutes(router);
  registerAnnotationRoutes(router);
  registerSamplingRoutes(router);
  registerTrainingRoutes(router);
  registerImageRoutes(router);
  registerBrowseRoutes(router);
  registerMiscRoutes(router);
  registerListingRoutes(router);
  registerLabelRoutes(router);
}
