import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createBrowserPhotoResizer, type PhotoResizer } from './imageResizer';

const PhotoResizerContext = createContext<PhotoResizer | null>(null);

/** Supplies the photo resizer to the visit screens (tests give a fake: jsdom cannot decode or draw images). */
export function PhotoResizerProvider({ resizer, children }: { resizer: PhotoResizer; children: ReactNode }) {
  return <PhotoResizerContext.Provider value={resizer}>{children}</PhotoResizerContext.Provider>;
}

/** The provided resizer, else the browser's (createImageBitmap + canvas). */
export function usePhotoResizer(): PhotoResizer {
  const provided = useContext(PhotoResizerContext);
  return useMemo(() => provided ?? createBrowserPhotoResizer(), [provided]);
}
