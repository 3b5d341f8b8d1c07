// The light build of Bottleneck (no Redis clustering), the one octokit's throttling plugin bundles too.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
