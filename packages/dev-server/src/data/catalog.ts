/**
 * Read-only queries over the state: lookups by id, the task slide index (protocol §4.4)
 * and the joined slide rows (the `task_slide_info` view and its `_anon` variant).
 */
import type { BlockRow, DevState, SlideRow, SpecimenRow, TaskRow } from './state.js';

/** A slide joined with its block, specimen and project (one row of the slide views). */
export interface SlideInfo {
  id: number;
  blockId: number;
  section: number;
  slide: number;
  stain: string;
  slideName: string | null;
  slideExt: string;
  project: string;
  specimen: number;
  blockName: string;
  specimenPrivate: string | null;
  specimenPublic: string;
  specimenDisplay: string;
}

/** Lookups and derived data over a {@link DevState}. */
export class Catalog {
  constructor(readonly state: DevState) {}

  task(id: number): TaskRow | undefined {
    return this.state.tasks.find((t) => t.id === id);
  }

  slide(id: number): SlideRow | undefined {
    return this.state.slides.find((s) => s.id === id);
  }

  block(id: number): BlockRow {
    const b = this.state.blocks.find((x) => x.id === id);
    if (!b) throw new Error(`no block ${id}`);
    return b;
  }

  specimen(id: number): SpecimenRow {
    const s = this.state.specimens.find((x) => x.id === id);
    if (!s) throw new Error(`no specimen ${id}`);
    return s;
  }

  /** The project a slide belongs to (through its block and specimen). */
  slideProject(slide: SlideRow): string {
    return this.specimen(this.block(slide.block).specimen).project;
  }

  /** Slides of a project, in id order. */
  projectSlides(project: string): SlideRow[] {
    return this.state.slides.filter((s) => this.slideProject(s) === project);
  }

  /**
   * The task's slide index: the project's slides selected by the task JSON's `stains`
   * (case-insensitive), `specimens` (private names) and `tags` (`any`/`all`/`not`,
   * case-insensitive).
   */
  taskSlides(task: TaskRow): SlideRow[] {
    const { stains, specimens, tags } = task.json;
    const lower = (xs: string[] | undefined) => xs?.map((x) => x.toLowerCase());
    const stainSet = lower(stains);
    const any = lower(tags?.any);
    const all = lower(tags?.all);
    const not = lower(tags?.not);
    return this.projectSlides(task.project).filter((s) => {
      if (stainSet && !stainSet.includes(s.stain.toLowerCase())) return false;
      if (specimens && !specimens.includes(this.specimen(this.block(s.block).specimen).privateName)) return false;
      const slideTags = s.tags.map((t) => t.tag.toLowerCase());
      if (any && any.length > 0 && !any.some((t) => slideTags.includes(t))) return false;
      if (all && !all.every((t) => slideTags.includes(t))) return false;
      if (not && not.some((t) => slideTags.includes(t))) return false;
      return true;
    });
  }

  /** Whether the slide is in the task's slide index. */
  taskHasSlide(task: TaskRow, slideId: number): boolean {
    return this.taskSlides(task).some((s) => s.id === slideId);
  }

  /** Counts of slides, distinct blocks and distinct specimens. */
  counts(slides: SlideRow[]): { nslides: number; nblocks: number; nspecimens: number } {
    const blocks = new Set(slides.map((s) => s.block));
    const specimens = new Set(slides.map((s) => this.block(s.block).specimen));
    return { nslides: slides.length, nblocks: blocks.size, nspecimens: specimens.size };
  }

  /** `specimen_public`: the public name, or `Anon ` + the id zero-padded to 4 digits. */
  specimenPublic(specimen: SpecimenRow): string {
    return specimen.publicName ?? `Anon ${String(specimen.id).padStart(4, '0')}`;
  }

  /** The joined slide row; `anonymized` gives the `_anon` view (no private names). */
  slideInfo(slide: SlideRow, anonymized: boolean): SlideInfo {
    const block = this.block(slide.block);
    const specimen = this.specimen(block.specimen);
    const pub = this.specimenPublic(specimen);
    return {
      id: slide.id,
      blockId: block.id,
      section: slide.section,
      slide: slide.slide,
      stain: slide.stain,
      slideName: anonymized ? null : slide.name,
      slideExt: slide.ext,
      project: specimen.project,
      specimen: specimen.id,
      blockName: block.name,
      specimenPrivate: anonymized ? null : specimen.privateName,
      specimenPublic: pub,
      specimenDisplay: anonymized ? pub : specimen.privateName,
    };
  }
}
