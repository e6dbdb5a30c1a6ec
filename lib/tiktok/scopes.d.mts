export declare const SCOPES: {
  readonly basic: 'user.info.basic';
  readonly profile: 'user.info.profile';
  readonly stats: 'user.info.stats';
  readonly videoList: 'video.list';
};
export declare const DEFAULT_SCOPES: readonly string[];
