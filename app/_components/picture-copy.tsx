import { paths } from '@/lib/platform/http/paths';
import type { PictureSources } from '@/lib/showcase/types';

/** A picture of the app's own copies (also what the public page's HTML writes: showcase-page.ts). */
export type PictureProps = {
  /** The app's copy; null shows the placeholder. */
  copy: PictureSources | null;
  placeholder: string;
  className: string;
  alt: string;
  width: number;
  height: number;
  sizes: string;
  eager?: boolean;
};

/**
 * A cover or avatar from the app's own copies (never TikTok's CDN): every width in srcset, explicit
 * dimensions so nothing shifts, the picture's own colour while it loads.
 */
export function PictureCopy({ copy, placeholder, className, alt, width, height, sizes, eager = false }: PictureProps) {
  return (
    // biome-ignore lint/performance/noImgElement: the copies are already sized WebP at immutable URLs; next/image would only add a second cache
    <img
      className={className}
      src={copy?.src ?? placeholder}
      srcSet={copy?.srcSet}
      sizes={sizes}
      alt={alt}
      width={width}
      height={height}
      style={copy ? { backgroundColor: copy.color } : undefined}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
    />
  );
}

/** A video's cover: 9:16 at 270×480 intrinsic pixels, the cover placeholder until a copy exists. */
export function CoverPicture({ copy, className, sizes, eager }: Pick<PictureProps, 'copy' | 'className' | 'sizes' | 'eager'>) {
  return <PictureCopy copy={copy} placeholder={paths.coverPlaceholder} className={className} alt="" width={270} height={480} sizes={sizes} eager={eager} />;
}

/** "▶ Play" on a cover: visible text that starts the play button's accessible name. */
export function PlayLabel({ className }: { className: string }) {
  return (
    <span className={className}>
      <span aria-hidden="true">▶ </span>
      {'Play '}
    </span>
  );
}
