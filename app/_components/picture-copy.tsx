import type { PictureSources } from '@/lib/showcase/types';

type Props = {
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
export function PictureCopy({ copy, placeholder, className, alt, width, height, sizes, eager = false }: Props) {
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
