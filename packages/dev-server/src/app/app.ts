/**
 * The application object shared by all route handlers: the state, lookups, the session
 * codec and the persistence hook.
 */
import { SessionCodec } from '../auth/session.js';
import { AccessControl } from '../data/access.js';
import { Catalog } from '../data/catalog.js';
import { imageOf, type DevState, type SlideRow } from '../data/state.js';
import type { SyntheticSlide } from '../slides/catalog.js';
import type { RequestContext } from '../http/context.js';
import type { Reply } from '../http/reply.js';

/** Behaviour switches of the application. */
export interface AppOptions {
  /**
   * Reproduce the real server's annotation quirk Q12 (short `[x, y]` segments are turned
   * into 2×2 matrices by the transform). Default true.
   */
  annotationQuirks: boolean;
}

/** The application: state plus derived helpers. */
export class App {
  readonly catalog: Catalog;
  private codecValue: SessionCodec;
  private readonly images = new Map<number, SyntheticSlide>();

  constructor(
    readonly state: DevState,
    readonly options: AppOptions,
    /** Called after every mutation (persists the state when a data directory is used). */
    readonly changed: () => void = () => {},
  ) {
    this.catalog = new Catalog(state);
    this.codecValue = new SessionCodec(state.secretKey);
  }

  /** The session cookie codec for the current secret. */
  get codec(): SessionCodec {
    return this.codecValue;
  }

  /** Replaces the signing secret: every existing session becomes invalid (like a new Flask `SECRET_KEY`). */
  rotateSecret(secret: string): void {
    this.state.secretKey = secret;
    this.codecValue = new SessionCodec(secret);
    this.changed();
  }

  /** The synthetic image of a slide, relabelled with the slide's id and name. */
  image(slide: SlideRow): SyntheticSlide {
    let img = this.images.get(slide.id);
    if (!img) {
      img = { ...imageOf(slide.image), id: slide.id, name: slide.name };
      this.images.set(slide.id, img);
    }
    return img;
  }

  /** Permissions of a user. */
  access(userId: number): AccessControl {
    return new AccessControl(this.catalog, userId);
  }
}

/** The request context type of this application. */
export type Ctx = RequestContext<App>;

/** A route handler. */
export type Handler = (ctx: Ctx) => Reply | Promise<Reply>;
