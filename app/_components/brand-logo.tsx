import Image from 'next/image';

/** The Posture mark from public/logo.svg, decorative beside the product name. */
export function BrandLogo({ size = 18 }: { size?: number }) {
  return <Image src="/logo.svg" alt="" width={size} height={size} className="brand-mark" unoptimized priority />;
}
