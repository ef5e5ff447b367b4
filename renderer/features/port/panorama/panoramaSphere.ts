import { Mesh, MeshBasicMaterial, SphereGeometry, type Texture } from 'three';
import type { ResourceTracker } from '../scene/resourceTracker';

/**
 * The inside of a sphere carrying an equirectangular picture. Mirrored on x so the
 * picture reads correctly from inside, and turned so the image's centre column
 * lies straight ahead (−z): then a marker's yaw/pitch in the site file is exactly
 * `yawPitchToVector` (see sphericalMath).
 */
export function panoramaSphere(texture: Texture | null, tracker: ResourceTracker, group: string): Mesh {
  const geometry = tracker.track(new SphereGeometry(50, 64, 32), group);
  geometry.scale(-1, 1, 1);
  const material = tracker.track(
    new MeshBasicMaterial({ map: texture, color: texture ? 0xffffff : 0x1d2733, toneMapped: false }),
    group,
  );
  const sphere = new Mesh(geometry, material);
  sphere.rotation.y = -Math.PI / 2;
  sphere.name = 'panorama';
  return sphere;
}
