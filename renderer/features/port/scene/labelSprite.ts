import { CanvasTexture, LinearFilter, SRGBColorSpace, Sprite, SpriteMaterial } from 'three';
import type { ResourceTracker } from './resourceTracker';

const fontPx = 28;
const padding = 10;

/**
 * A text label that always faces the viewer, drawn once into a canvas texture.
 * `worldHeight` is the label's height in metres; the width follows the text.
 * A label tagged with userData.sceneLabel is then resized and decluttered by SceneLabels.
 */
export function labelSprite(
  text: string,
  tracker: ResourceTracker,
  group: string,
  options: { worldHeight?: number; color?: string; background?: string } = {},
): Sprite {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) throw new Error('labelSprite: the browser gave no 2D canvas context for a scene label');
  const font = `600 ${fontPx}px system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif`;
  context.font = font;
  const width = Math.ceil(context.measureText(text).width) + padding * 2;
  const height = fontPx + padding * 2;
  canvas.width = width;
  canvas.height = height;
  context.font = font;
  context.fillStyle = options.background ?? 'rgba(12, 18, 28, 0.82)';
  context.fillRect(0, 0, width, height);
  context.fillStyle = options.color ?? '#f2f5f8';
  context.textBaseline = 'middle';
  context.fillText(text, padding, height / 2 + 1);

  const texture = tracker.track(new CanvasTexture(canvas), group);
  texture.colorSpace = SRGBColorSpace;
  texture.minFilter = LinearFilter;
  texture.generateMipmaps = false;
  const material = tracker.track(new SpriteMaterial({ map: texture, depthTest: false, transparent: true }), group);
  const sprite = new Sprite(material);
  // three.js shares one quad among all sprites; tracking it frees its GPU buffer with the scene (it re-uploads if used again).
  tracker.track(sprite.geometry, group);
  const worldHeight = options.worldHeight ?? 4;
  sprite.scale.set((worldHeight * width) / height, worldHeight, 1);
  sprite.renderOrder = 10;
  return sprite;
}
