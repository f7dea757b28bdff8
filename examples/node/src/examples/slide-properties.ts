/**
 * Slide properties. Python: `Slide(task, id)` then `.stain`, `.dimensions`, `.spacing`,
 * `.level_dimensions`, `.level_downsamples`, `.properties`.
 * The detail getters are synchronous; the header values are fetched once and cached.
 */
import { parseExampleArgs } from '../args.js';
import { connectForExample } from '../connect.js';
import { findFirstSlide } from '../find.js';

const { client, close } = await connectForExample(parseExampleArgs());
try {
  const slide = await findFirstSlide(client, 'sampling');
  console.log(`slide ${slide.slideId}: specimen ${slide.specimenPublic}, block ${slide.blockName}, section ${slide.section}, slide ${slide.slideNumber}, stain ${slide.stain}`);
  console.log('dimensions (level 0, px):', await slide.dimensions());
  console.log('spacing (mm/px):', await slide.spacing());
  console.log('level dimensions:', await slide.levelDimensions());
  console.log('level downsamples:', await slide.levelDownsamples());
  const properties = await slide.properties();
  console.log(`${Object.keys(properties).length} OpenSlide properties, vendor: ${properties['openslide.vendor']}`);
} finally {
  await close();
}
