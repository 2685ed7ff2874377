/**
 * A cover thumbnail at a fixed size (square, cropped to fill): the album header's and the album
 * list's. `alt` describes it; pass '' where the album's title is read right beside it.
 */
export function CoverThumbnail({ url, alt, size }: { url: string; alt: string; size: number }) {
  return <img className="cover-thumb" src={url} alt={alt} width={size} height={size} loading="lazy" decoding="async" />;
}

/** The list's placeholder for an album without a cover: an empty box, named for screen readers. */
export function NoCover({ label, size }: { label: string; size: number }) {
  return (
    <span className="cover-thumb cover-thumb--empty" style={{ width: size, height: size }}>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
