import { LoadingView } from "@/components/states/loading-view";

export default LoadingView;
