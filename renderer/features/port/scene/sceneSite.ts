import type { MarkerLink } from '../../../../preload/contract/schemas/site';
import type { Vec3 } from '../panorama/sphericalMath';

/**
 * What the 3D view draws, in scene units (metres): x east, y up, z south (so −z is north).
 * Built from the site file by `toSceneSite`; the scene never reads the file format itself.
 */
export type AreaKind = 'gate' | 'lane' | 'yard' | 'berth' | 'inspection' | 'building';

export interface SceneArea {
  id: string;
  kind: AreaKind;
  label: string;
  center: Vec3;
  /** Footprint width (x) and depth (z) before rotation, and height. */
  size: { width: number; depth: number; height: number };
  /** Rotation about the vertical axis, degrees clockwise from north. */
  heading: number;
  /**
   * Where the label stands on the ground, when not over the centre: a gate's lanes lie
   * side by side, so their labels are staggered along them instead of standing in a row.
   */
  labelAt?: Vec3;
}

export interface SceneMarker {
  id: string;
  label: string;
  yaw: number;
  pitch: number;
  link: MarkerLink;
}

export interface SceneCamera<Source = unknown> {
  id: string;
  label: string;
  kind: 'fixed' | 'panorama';
  position: Vec3;
  /** Where the camera points: degrees clockwise from north, and above the horizon. */
  heading: number;
  pitch: number;
  /** Vertical field of view in degrees (fixed cameras; the initial zoom of a 360° view). */
  fov: number;
  aspect: number;
  markers: SceneMarker[];
  /** 360° cameras: an equirectangular still (site-relative or absolute URL) shown until, or instead of, the video. */
  still?: string;
  /** The site file's camera, handed to the source factory unchanged. */
  source: Source;
}

/** A vehicle or container placed from a declaration or from the gate log. */
export interface SceneVehicle {
  id: string;
  kind: 'truck' | 'container';
  label: string;
  position: Vec3;
  heading: number;
  /** Null for a truck at the gate whose plate no open declaration carries. */
  declarationId: string | null;
}

export interface SceneSite<Source = unknown> {
  name: string;
  /** Half the extent of the site, for the ground and the initial view. */
  extent: number;
  areas: SceneArea[];
  cameras: SceneCamera<Source>[];
}

/** What a click in the scene hit. */
export type ScenePick =
  { kind: 'camera'; id: string } | { kind: 'area'; id: string } | { kind: 'vehicle'; id: string; declarationId: string | null };
